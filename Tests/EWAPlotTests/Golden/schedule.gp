# golden sample schedule
# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.
set encoding utf8
set terminal pngcairo size 1200,700 noenhanced font 'sans,12'
set output 'schedule.png'
$inverse_time << EOD
0 0.1
1 0.05
2 0.03333333333333333
3 0.025
4 0.02
EOD
$staircase << EOD
0 0.1
1 0.1
2 0.05
3 0.05
4 0.025
EOD
set xlabel 'epoch' noenhanced
set ylabel 'learning rate' noenhanced
set xrange [0:4]
set key top right box opaque
set grid lc rgb '#E0E0E0'
set border lc rgb '#404040'
plot $inverse_time using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072B2' title 'inverse-time' noenhanced, \
     $staircase using 1:2 with steps lw 2.5 dt 2 lc rgb '#D55E00' title 'staircase' noenhanced
unset output
