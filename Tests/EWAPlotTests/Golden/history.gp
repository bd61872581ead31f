# golden sample history
# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.
set encoding utf8
set terminal pngcairo size 1200,700 noenhanced font 'sans,12'
set output 'history.png'
$gd_batches << EOD
1 0.9
2 0.7
3 0.8
4 0.5
5 0.6
6 0.4
7 0.45
8 0.3
EOD
$gd_smoothed << EOD
1 0.9
2 0.7947368421052632
3 0.7966789667896679
4 0.7104100029078221
5 0.6834485116358575
6 0.6229548466681891
7 0.589802878303771
8 0.5389185598953837
EOD
$gd_epochs << EOD
4 0.7
8 0.42
EOD
$adam_batches << EOD
1 0.45
2 0.35
3 0.4
4 0.25
5 0.3
6 0.2
7 0.225
8 0.15
EOD
$adam_smoothed << EOD
1 0.45
2 0.3973684210526316
3 0.39833948339483394
4 0.35520500145391104
5 0.34172425581792876
6 0.31147742333409456
7 0.2949014391518855
8 0.26945927994769187
EOD
$adam_epochs << EOD
4 0.35
8 0.21
EOD
set xlabel 'mini-batch step' noenhanced
set ylabel 'cost' noenhanced
set logscale y
set format y '%g'
set xrange [1:8]
set key bottom left box opaque
set grid lc rgb '#E0E0E0'
set border lc rgb '#404040'
plot $gd_batches using 1:2 with lines lw 1 dt 1 lc rgb '#99C7E0' title 'gd, mini-batch' noenhanced, \
     $gd_smoothed using 1:2 with lines lw 2.5 dt 1 lc rgb '#0072B2' title 'gd, mini-batch EWA β = 0.9' noenhanced, \
     $gd_epochs using 1:2 with linespoints lw 1.5 pt 7 ps 0.9 lc rgb '#0072B2' title 'gd, epoch' noenhanced, \
     $adam_batches using 1:2 with lines lw 1 dt 1 lc rgb '#EEBF99' title 'adam, mini-batch' noenhanced, \
     $adam_smoothed using 1:2 with lines lw 2.5 dt 2 lc rgb '#D55E00' title 'adam, mini-batch EWA β = 0.9' noenhanced, \
     $adam_epochs using 1:2 with linespoints lw 1.5 pt 5 ps 0.9 dt 2 lc rgb '#D55E00' title 'adam, epoch' noenhanced
unset output
