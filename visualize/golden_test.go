package visualize

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

var regen = flag.Bool("regen", false, "rewrite the golden images in testdata/")

// goldenStyles are the pictures kept as golden images: one per style.
var goldenStyles = []string{"egogram_P1", "sociogram_force", "sociogram_circle", "beforeafter", "grid", "histogram", "change"}

// TestGolden compares each style's PNG with testdata/NAME.png by decoded
// pixels, not bytes, so that an update of the fonts or the PNG encoder
// does not fail it spuriously: a pixel differs when one of its channels
// differs by more than goldenChannelTol (of 255), and the images match
// when at most goldenPixelTol of their pixels differ (and they have the
// same size). On a mismatch it writes the new image next to the golden one
// as NAME.got.png. Regenerate with: go test ./visualize -run TestGolden -regen
//
// gonum.org/v1/plot/cmpimg is not used because it needs rsc.io/pdf,
// which is not a dependency of this module.
func TestGolden(t *testing.T) {
	pics := pictures(t)
	for _, name := range goldenStyles {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, pics[name].Write(&buf, "png"))
			path := filepath.Join("testdata", name+".png")
			if *regen {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run: go test ./visualize -run TestGolden -regen")
			diff, total := pixelDiff(t, want, buf.Bytes())
			if float64(diff) <= goldenPixelTol*float64(total) {
				return
			}
			got := filepath.Join("testdata", name+".got.png")
			require.NoError(t, os.WriteFile(got, buf.Bytes(), 0o644))
			t.Errorf("%s differs from the golden image in %d of %d pixels; see %s", path, diff, total, got)
		})
	}
}

// Golden image tolerances: a channel may differ by goldenChannelTol (of
// 255: anti-aliasing of a glyph edge), and a fraction goldenPixelTol of the
// pixels may differ by more (a few glyphs drawn a pixel apart).
const (
	goldenChannelTol = 24
	goldenPixelTol   = 0.002
)

// pixelDiff returns how many pixels of two PNG images differ by more than
// goldenChannelTol in a channel, and the number of pixels (every pixel
// differs when the sizes differ).
func pixelDiff(t *testing.T, a, b []byte) (diff, total int) {
	ia, err := png.Decode(bytes.NewReader(a))
	require.NoError(t, err)
	ib, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	r := ia.Bounds()
	total = r.Dx() * r.Dy()
	if r != ib.Bounds() {
		return total, total
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c1 := color.NRGBAModel.Convert(ia.At(x, y)).(color.NRGBA)
			c2 := color.NRGBAModel.Convert(ib.At(x, y)).(color.NRGBA)
			if absDiff(c1.R, c2.R) > goldenChannelTol || absDiff(c1.G, c2.G) > goldenChannelTol ||
				absDiff(c1.B, c2.B) > goldenChannelTol || absDiff(c1.A, c2.A) > goldenChannelTol {
				diff++
			}
		}
	}
	return diff, total
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// TestPixelDiffTolerance: a pixel off by less than the channel tolerance
// does not count, one off by more does (hand-made 2×1 images).
func TestPixelDiffTolerance(t *testing.T) {
	enc := func(c0, c1 color.NRGBA) []byte {
		img := image.NewNRGBA(image.Rect(0, 0, 2, 1))
		img.Set(0, 0, c0)
		img.Set(1, 0, c1)
		var buf bytes.Buffer
		require.NoError(t, png.Encode(&buf, img))
		return buf.Bytes()
	}
	white := color.NRGBA{R: 255, G: 255, B: 255, A: 255}
	a := enc(white, white)
	near := enc(color.NRGBA{R: 255 - goldenChannelTol, G: 255, B: 255, A: 255}, white)
	far := enc(white, color.NRGBA{R: 255, G: 255 - goldenChannelTol - 1, B: 255, A: 255})
	d, n := pixelDiff(t, a, near)
	assert.Equal(t, [2]int{0, 2}, [2]int{d, n})
	d, _ = pixelDiff(t, a, far)
	assert.Equal(t, 1, d)
}

// TestRenderAll checks that every picture, including the awkward cases
// (no alters, one alter, 100 alters, no ties, missing ring and sector
// values), renders in every format at its page size, and that rendering
// twice gives the same bytes.
func TestRenderAll(t *testing.T) {
	pics := pictures(t)
	for name, f := range pics {
		for _, format := range Formats() {
			t.Run(name+"."+format, func(t *testing.T) {
				var a, b bytes.Buffer
				require.NoError(t, f.Write(&a, format))
				require.NoError(t, f.Write(&b, format))
				assert.Greater(t, a.Len(), 1000)
				assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "output differs between two runs")
				switch format {
				case "png":
					cfg, _, err := image.DecodeConfig(bytes.NewReader(a.Bytes()))
					require.NoError(t, err)
					w, h := f.Width, f.Height
					if w == 0 {
						w, h = SingleWidth, SingleHeight
					}
					// 96 dpi: a point is 4/3 pixel.
					assert.Equal(t, int(w.Dots(96)+0.5), cfg.Width)
					assert.Equal(t, int(h.Dots(96)+0.5), cfg.Height)
				case "svg":
					assert.Contains(t, a.String(), "@font-face", "fonts embedded")
				case "pdf":
					assert.Contains(t, a.String(), "/CreationDate (D:20000101000000)")
				}
			})
		}
	}
	assert.ErrorContains(t, (&Figure{}).Write(&bytes.Buffer{}, "gif"), `unknown image format "gif"`)
}

// TestIsotropic checks that after Isotropic one data unit has the same
// length on both axes, on wide and tall canvases.
func TestIsotropic(t *testing.T) {
	ds := study(t)
	for _, size := range [][2]vg.Length{{600, 300}, {300, 600}, {500, 500}} {
		pn, err := EgogramPanel(ds.Ego("P1", "1"), egoOpts())
		require.NoError(t, err)
		p := pn.Plot
		c := draw.New(vgimg.New(size[0], size[1]))
		Isotropic(p, c)
		dc := p.DataCanvas(c)
		sx := float64(dc.Size().X) / (p.X.Max - p.X.Min)
		sy := float64(dc.Size().Y) / (p.Y.Max - p.Y.Min)
		assert.InEpsilon(t, sx, sy, 1e-9, "canvas %v: x scale %g, y scale %g", size, sx, sy)
		// The whole frame is inside the ranges.
		r := 3.6 // outer radius of 3 rings: 0.6 + 3·1
		assert.LessOrEqual(t, p.X.Min, -r)
		assert.GreaterOrEqual(t, p.X.Max, r)
	}
}

func TestNetworkInterfaces(t *testing.T) {
	var n any = NewNetwork(nil, nil)
	_, ok := n.(plot.Plotter)
	assert.True(t, ok)
	_, ok = n.(plot.DataRanger)
	assert.True(t, ok)
	_, ok = n.(plot.GlyphBoxer)
	assert.True(t, ok)
}
