# golden sample library-schedules
# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.
set encoding utf8
set terminal pngcairo size 1200,700 noenhanced font 'sans,12'
set output 'library-schedules.png'
$exponential__r___0_95 << EOD
1 0.1
2 0.095
3 0.09025
4 0.0857375
5 0.081450625
6 0.07737809374999999
EOD
$staircase__r___1__T___2 << EOD
1 0.1
2 0.1
3 0.05
4 0.05
5 0.03333333333333333
6 0.03333333333333333
EOD
$cosine__final_0__T___6 << EOD
1 0.1
2 0.09330127018922195
3 0.07500000000000001
4 0.05
5 0.025000000000000012
6 0.006698729810778065
EOD
set xlabel 'epoch' noenhanced
set ylabel 'learning rate' noenhanced
set xrange [1:6]
set key top right box opaque
set grid lc rgb '#E0E0E0'
set border lc rgb '#404040'
plot $exponential__r___0_95 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072B2' title 'exponential, r = 0.95' noenhanced, \
     $staircase__r___1__T___2 using 1:2 with steps lw 2.5 dt 2 lc rgb '#D55E00' title 'staircase, r = 1, T = 2' noenhanced, \
     $cosine__final_0__T___6 using 1:2 with steps lw 2.5 dt 3 lc rgb '#009E73' title 'cosine, final 0, T = 6' noenhanced
unset output
