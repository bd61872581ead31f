# golden sample compared-history
# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.
set encoding utf8
set terminal pngcairo size 1200,700 noenhanced font 'sans,12'
set output 'compared-history.png'
$gd_batches << EOD
1 0.9
2 0.7
3 0.75
4 0.65
EOD
$gd_smoothed << EOD
1 0.9
2 0.7666666666666666
3 0.7571428571428571
4 0.7
EOD
$gd_epochs << EOD
2 0.8
4 0.7
EOD
$adam_batches << EOD
1 0.7
2 0.5
3 0.35
4 0.25
EOD
$adam_smoothed << EOD
1 0.7
2 0.5666666666666667
3 0.4428571428571428
4 0.33999999999999997
EOD
$adam_epochs << EOD
2 0.6
4 0.3
EOD
set xlabel 'mini-batch step' noenhanced
set ylabel 'cost' noenhanced
set xrange [1:4]
set key bottom left box opaque
set grid lc rgb '#E0E0E0'
set border lc rgb '#404040'
plot $gd_batches using 1:2 with lines lw 1 dt 1 lc rgb '#99C7E0' title 'gd, mini-batch' noenhanced, \
     $gd_smoothed using 1:2 with lines lw 2.5 dt 1 lc rgb '#0072B2' title 'gd, mini-batch EWA β = 0.5' noenhanced, \
     $gd_epochs using 1:2 with linespoints lw 1.5 pt 7 ps 0.9 lc rgb '#0072B2' title 'gd, epoch' noenhanced, \
     $adam_batches using 1:2 with lines lw 1 dt 1 lc rgb '#EEBF99' title 'adam, mini-batch' noenhanced, \
     $adam_smoothed using 1:2 with lines lw 2.5 dt 2 lc rgb '#D55E00' title 'adam, mini-batch EWA β = 0.5' noenhanced, \
     $adam_epochs using 1:2 with linespoints lw 1.5 pt 5 ps 0.9 dt 2 lc rgb '#D55E00' title 'adam, epoch' noenhanced
unset output
