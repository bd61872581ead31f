# golden sample boundary
# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.
set encoding utf8
set terminal pngcairo size 1200,700 noenhanced font 'sans,12'
set output 'boundary.png'
$regions << EOD
0 0 0
1 0 0
2 0 1
3 0 1

0 1 0
1 1 1
2 1 1
3 1 1

0 2 1
1 2 1
2 2 1
3 2 1
EOD
$class_0 << EOD
0.2 0.1
EOD
$class_1 << EOD
2.5 1.5
1.5 2
EOD
set xlabel 'x1' noenhanced
set ylabel 'x2' noenhanced
set xrange [0:3]
set yrange [0:2]
set key top right box opaque
set grid lc rgb '#E0E0E0'
set border lc rgb '#404040'
set palette maxcolors 2
set palette defined (0 '#BFDCEC', 1 '#F5D7BF')
set cbrange [-0.5:1.5]
unset colorbox
plot $regions using 1:2:3 with image notitle, \
     $class_0 using 1:2 with points pt 7 ps 1.2 lc rgb '#0072B2' title 'outer' noenhanced, \
     $class_1 using 1:2 with points pt 7 ps 1.2 lc rgb '#D55E00' title 'inner' noenhanced
unset output
