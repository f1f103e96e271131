// Package mapserver is the mapping page of sociogram serve: the HTTP
// server through which a worker and the person they support draw the
// person's network together, in a browser, on a study database
// (package store).
//
// The page and its files are embedded (Assets); the server answers only
// requests that carry its access token (a random token, in the URL printed
// at start, then an HttpOnly, SameSite=Strict cookie), sends a
// Content-Security-Policy that allows nothing but the server itself, and
// refuses cross-site changes. Its JSON API reads and changes the study's
// people, waves (meetings), alters, ties, goals and GAS levels, with undo,
// follow-up from the last map, erasure and the change log; every change
// answers with the map's state: the alters and ties, the measures in plain
// words (measures.Describe), what changed since the last meeting
// (measures.FollowUpOf, DescribeChange) and the map geometry — where the
// SVG of the map (visualize.EgogramFigure, drawn in the study's visual
// language) put its centre, rings, sectors and alters — so that the page
// can put a button on every alter and turn a drop point into a ring and a
// sector without drawing the network a second way. The before/after and
// goals pictures (visualize.BeforeAfterFigure, GoalsFigure) are served as
// SVG and PNG.
//
// The routes and JSON shapes are listed in the README section "The
// mapping page".
package mapserver
