# golden sample trajectory
# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.
set encoding utf8
set terminal pngcairo size 1200,700 noenhanced font 'sans,12'
set output 'trajectory.png'
$surface << EOD
-2 -1 2509
-1 -1 404
0 -1 101
1 -1 400
2 -1 2501

-2 0 1609
-1 0 104
0 0 1
1 0 100
2 0 1601

-2 1 909
-1 1 4
0 1 101
1 1 0
2 1 901

-2 2 409
-1 2 104
0 2 401
1 2 100
2 2 401

-2 3 109
-1 3 404
0 3 901
1 3 400
2 3 101
EOD
$gd << EOD
-1.5 2.5
-1 1.2
0.2 0.1
EOD
$adam << EOD
-1.5 2.5
-0.5 0.5
0.9 0.8
EOD
$minimum << EOD
1 1
EOD
set xlabel 'x' noenhanced
set ylabel 'y' noenhanced
set xrange [-2:2]
set yrange [-1:3]
set key top right box opaque
set grid lc rgb '#E0E0E0'
set border lc rgb '#404040'
set contour base
unset surface
set view map
set cntrparam levels discrete 1,1.7491275319669737,3.059447123084877,5.351363195584908,9.36021669895233,16.372212733314544,28.637088051060726,50.08991914547278,87.61365665134605,153.24745902517083,268.04934978490695,468.8524976346263,820.0828120442051,1434.4294250394169,2509
set table $contours
splot $surface using 1:2:3 with lines notitle
unset table
unset contour
plot $contours using 1:2 with lines lw 1 lc rgb '#9A9A9A' notitle, \
     $gd using 1:2 with linespoints lw 2 pt 7 ps 0.5 lc rgb '#0072B2' title 'gd' noenhanced, \
     $adam using 1:2 with linespoints lw 2 pt 5 ps 0.5 lc rgb '#D55E00' title 'adam' noenhanced, \
     $minimum using 1:2 with points pt 3 ps 2.5 lc rgb '#000000' title 'minimum' noenhanced
unset output
