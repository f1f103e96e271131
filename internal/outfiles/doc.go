// Package outfiles writes a pair of files into a directory, as the edge-list
// writers of network and parquetio do (edges and nodes).
package outfiles
