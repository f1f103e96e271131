package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// drawWaves draws each chosen ego at the waves of --waves side by side on
// one frame (visualize.WavesFigure): one file for one ego, one file per
// ego in -o DIR for several. format is -o's image format ("" for a
// directory).
func (d *drawFlags) drawWaves(ds *network.Dataset, format string) error {
	waves, err := measures.ChangeWaves(ds, splitList(d.waves))
	if err != nil {
		return err
	}
	var ids []string
	if d.all {
		for _, e := range ds.Egos {
			if !containsString(ids, e.ID) {
				ids = append(ids, e.ID)
			}
		}
	} else {
		ids = d.egos
	}
	if format != "" && len(ids) > 1 {
		return usagef("--waves for several egos needs -o DIR (one file per ego)")
	}
	if _, has := ds.AlterAttrs.Index(d.size); d.size != "" && !has {
		return usagef("--size with --waves takes an alter attribute; %q is not one", d.size)
	}
	figs := make([]*visualize.Figure, len(ids))
	for i, id := range ids {
		nets := make([]*network.EgoNet, len(waves))
		for w, wave := range waves {
			nets[w] = ds.Ego(id, wave)
		}
		opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(0), Study: d.study, Title: d.title}
		f, err := visualize.WavesFigure(waves, nets, nil, opt)
		if err != nil {
			return fmt.Errorf("ego %s: %w", id, err)
		}
		figs[i] = f
	}
	if format != "" {
		return d.write(d.out, format, "", figs[0])
	}
	dirFormat, err := d.dirFormat()
	if err != nil {
		return err
	}
	keys := make([][]string, len(ids))
	for i, id := range ids {
		keys[i] = []string{id, "w" + strings.Join(waves, "-")}
	}
	names := network.FileNames(keys, dirFormat)
	return writeDir(d.out, func(dir string) error {
		for i := range ids {
			if err := d.write(filepath.Join(dir, names[i]), dirFormat, strings.TrimSuffix(names[i], "."+dirFormat), figs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
