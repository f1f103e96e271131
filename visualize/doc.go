// Package visualize draws ego networks and whole networks: egograms
// (network maps with rings and sectors), sociograms with force-directed,
// circle and concentric layouts, before/after pictures of two waves, and
// charts of measures across egos.
//
// Layouts are pure functions that return coordinates and are tested
// numerically:
//
//	layout                          function                file
//	egogram (rings × sectors)       LayoutEgogram,          layout_egogram.go
//	                                EgogramOf
//	two waves on one frame          LayoutEgogramPair       layout_egogram.go
//	concentric by a measure         Concentric              layout_concentric.go
//	circle                          Circle                  layout_circle.go
//	force-directed (Fruchterman &   Force                   layout_force.go
//	Reingold 1991), components
//	packed apart
//
// Drawing is a gonum/plot Plotter, Network (plotter.go), so a picture can
// be composed with other plots: nodes coloured, shaped and sized, ties with
// width by weight, dashed by type and arrows when directed, labels placed to
// avoid each other, the nodes, the ties and the ring and sector labels, and
// the ring and sector guides of an egogram. Figure (figure.go) arranges one or more
// panels with a title and a legend in a column beside them, never over the
// nodes, and keeps one data unit the same length on both axes (Isotropic),
// so circles stay circles. The pictures:
//
//	picture                         function
//	egogram of one ego              EgogramFigure (EgogramPanel, EgogramNetwork)
//	page of small multiples         EgogramGrid
//	before/after, kept/lost/gained  BeforeAfterFigure
//	sociogram                       SociogramFigure (SociogramNetwork)
//	distribution of a measure       HistogramFigure, HistogramFigures
//	                                (waves on shared axes, CutOffsOf)
//	one ego network, other layouts  EgoSociogramFigure
//	change per ego                  ChangeFigure
//	three or more waves of one ego, WavesFigure (LayoutEgogramWaves)
//	  with the ego's measures
//	a measure across waves, a line  TrajectoryFigure
//	  per person, mean and CI
//	one person's goals (GAS)        GoalsFigure
//	one-page report for a person's  PersonReport (A4: the map, its
//	  file                          measures in words, what changed,
//	                                the goals)
//
// Attributes map to looks through Style, computed once per study as a
// StudyStyle (NewStudyStyle, NewGraphStyle) and shared by every picture of
// a run, so that a category has one colour and shape everywhere:
// categories get a colour from Okabe & Ito's colour-blind-safe palette
// (OkabeIto) and a shape, so that a picture also reads in greyscale;
// numeric attributes a light-to-dark blue scale; missing values grey with
// a dash, undefined sizes small and hollow, each with a legend entry.
// Missing ring or sector values put an alter in an Unknown ring or sector:
// it is never dropped; every ring and sector of the study keeps its place
// in every picture.
//
// The guarantee: no tie is drawn within DefaultClearance (2 pt) of the
// marker of a node that is not one of its ends, and no two markers
// overlap. Network.Plot moves nodes to achieve it, each within its place
// (an egogram alter within its ring and sector, a circle or concentric
// node along its ring, a force-layout node near its place);
// Figure.Fit grows the page where that is not enough, and
// Figure.Violations lists what is left. Figure.Positions and
// WritePositions give where every node was drawn, in points.
//
// Figure.Write renders PNG (96 dpi), SVG (fonts embedded) or PDF (fonts
// embedded). Two faults of the libraries underneath are worked around: PNG
// text is drawn with the font's own kerning (textHandler; x/image over-kerns
// small text), and PDF gets translucent colours with straight alpha
// (vgpdf took premultiplied ones). Output is byte-identical for identical
// input: drawing follows
// the order of the data, layouts are seeded, and the PDF creation date,
// which the PDF writer takes from the clock, is replaced by a fixed one.
// The golden images in testdata/ are regenerated with
//
//	go test ./visualize -run TestGolden -regen
package visualize
