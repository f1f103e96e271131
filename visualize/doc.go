// Package visualize draws ego networks and whole networks: egograms
// (network maps with rings and sectors), sociograms with force-directed,
// circle and concentric layouts, before/after pictures of two waves, and
// charts of measures across egos.
//
// Layouts are pure functions that return coordinates and are tested
// numerically:
//
//	layout                      function          file
//	egogram (rings × sectors)   LayoutEgogram,    layout_egogram.go
//	                            EgogramOf
//	concentric by a measure     Concentric        layout_concentric.go
//	circle                      Circle            layout_circle.go
//	force-directed (FR 1991)    Force             layout_force.go
//
// Drawing is a gonum/plot Plotter (Network), so a picture can be composed
// with other plots; Figure arranges one or more panels with a title and a
// legend beside them (never over the nodes) and keeps one data unit the
// same length on both axes, so circles stay circles. The default palette
// is Okabe & Ito's colour-blind-safe one, and shapes double the colours so
// that pictures read in greyscale. Output (PNG, SVG with embedded fonts,
// PDF) is byte-identical for identical input: drawing order is sorted,
// layouts are seeded, and the PDF creation date is fixed.
package visualize
