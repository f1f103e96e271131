package analysis

import "math"

// Tree is an agglomerative clustering in the layout of R's hclust: merge
// step i (0-based) joins Merge[i][0] and Merge[i][1], where a negative
// number −j is observation j (1-based) and a positive number j is the
// cluster formed at step j (1-based); Height[i] is the merge's height;
// Order is a permutation of the observations (1-based) that draws the
// dendrogram without crossings.
type Tree struct {
	Merge  [][2]int
	Height []float64
	Order  []int
}

// Ward clusters n observations with Ward's minimum-variance method on the
// Euclidean distances d (d[i][j], symmetric, zero diagonal), as R
// hclust(as.dist(d), method = "ward.D2") (Murtagh & Legendre 2014,
// doi:10.1007/s00357-014-9161-z): the Lance–Williams update on squared
// distances
//
//	D²(k, i∪j) = ((n_i+n_k) D²(k,i) + (n_j+n_k) D²(k,j) − n_k D²(i,j)) / (n_i+n_j+n_k)
//
// with heights the square roots of the merged D². It follows R's
// nearest-neighbour-list algorithm step by step (F. Murtagh's hclust.f as
// shipped with R), so that ties are broken as R breaks them: the pair with
// the lowest index among equal nearest-neighbour distances merges first,
// and the merged cluster keeps the lower index. n must be ≥ 2.
//
// Complexity O(n³) time in the worst case (O(n²) typical), O(n²) memory.
func Ward(d [][]float64) Tree {
	n := len(d)
	// diss holds squared distances; index i<j.
	diss := make([][]float64, n)
	for i := range diss {
		diss[i] = make([]float64, n)
		for j := range diss[i] {
			diss[i][j] = d[i][j] * d[i][j]
		}
	}
	inf := math.MaxFloat64
	flag := make([]bool, n)
	membr := make([]float64, n)
	nn := make([]int, n)
	disnn := make([]float64, n)
	for i := range n {
		flag[i], membr[i] = true, 1
	}
	for i := 0; i < n-1; i++ {
		dmin, jm := inf, 0
		for j := i + 1; j < n; j++ {
			if dmin > diss[i][j] {
				dmin, jm = diss[i][j], j
			}
		}
		nn[i], disnn[i] = jm, dmin
	}
	ia := make([]int, n-1)
	ib := make([]int, n-1)
	crit := make([]float64, n-1)
	at := func(a, b int) *float64 {
		if a > b {
			a, b = b, a
		}
		return &diss[a][b]
	}
	for step := 0; step < n-1; step++ {
		dmin, im, jm := inf, 0, 0
		for i := 0; i < n-1; i++ {
			if flag[i] && disnn[i] < dmin {
				dmin, im, jm = disnn[i], i, nn[i]
			}
		}
		i2, j2 := min(im, jm), max(im, jm)
		ia[step], ib[step] = i2, j2
		crit[step] = math.Sqrt(dmin)
		flag[j2] = false
		dmin, jj := inf, 0
		for k := range n {
			if !flag[k] || k == i2 {
				continue
			}
			d12 := *at(i2, j2)
			p := at(i2, k)
			*p = ((membr[i2]+membr[k])**p + (membr[j2]+membr[k])**at(j2, k) - membr[k]*d12) /
				(membr[i2] + membr[j2] + membr[k])
			if i2 < k {
				if *p < dmin {
					dmin, jj = *p, k
				}
			} else if *p < disnn[k] { // R's fix for non-monotone methods; never taken by Ward
				disnn[k], nn[k] = *p, i2
			}
		}
		membr[i2] += membr[j2]
		disnn[i2], nn[i2] = dmin, jj
		for i := 0; i < n-1; i++ {
			if flag[i] && (nn[i] == i2 || nn[i] == j2) {
				dmin, jj := inf, 0
				for j := i + 1; j < n; j++ {
					if flag[j] && diss[i][j] < dmin {
						dmin, jj = diss[i][j], j
					}
				}
				nn[i], disnn[i] = jj, dmin
			}
		}
	}
	return hcass2(n, ia, ib, crit)
}

// hcass2 turns the merge sequence (0-based observation indices, the merged
// cluster named by its lower index) into R's merge matrix and dendrogram
// order, as R's HCASS2.
func hcass2(n int, ia, ib []int, crit []float64) Tree {
	iia := make([]int, n-1)
	iib := make([]int, n-1)
	for i := range ia {
		iia[i], iib[i] = ia[i]+1, ib[i]+1
	}
	for i := 0; i < n-2; i++ {
		k := min(ia[i], ib[i]) + 1
		for j := i + 1; j < n-1; j++ {
			if ia[j]+1 == k {
				iia[j] = -(i + 1)
			}
			if ib[j]+1 == k {
				iib[j] = -(i + 1)
			}
		}
	}
	t := Tree{Merge: make([][2]int, n-1), Height: crit}
	for i := range iia {
		a, b := -iia[i], -iib[i]
		if a > 0 && b < 0 {
			a, b = b, a
		}
		if a > 0 && b > 0 {
			a, b = min(a, b), max(a, b)
		}
		t.Merge[i] = [2]int{a, b}
	}
	order := []int{t.Merge[n-2][0], t.Merge[n-2][1]}
	for i := n - 2; i >= 1; i-- {
		for j, o := range order {
			if o == i {
				rest := append([]int{t.Merge[i-1][0], t.Merge[i-1][1]}, order[j+1:]...)
				order = append(order[:j], rest...)
				break
			}
		}
	}
	t.Order = make([]int, n)
	for i, o := range order {
		t.Order[i] = -o
	}
	return t
}

// Cut returns the cluster of each observation when the tree is cut into k
// clusters (the first n − k merges), numbered as R cutree(tree, k): in
// order of first appearance along the observations, so observation 1 is
// in cluster 1. k must be between 1 and n.
func (t Tree) Cut(k int) []int {
	n := len(t.Merge) + 1
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// rep[j] is an observation of the cluster formed at step j+1.
	rep := make([]int, n-1)
	member := func(m int) int {
		if m < 0 {
			return -m - 1
		}
		return rep[m-1]
	}
	for s := 0; s < n-k; s++ {
		a, b := member(t.Merge[s][0]), member(t.Merge[s][1])
		parent[find(b)] = find(a)
		rep[s] = a
	}
	out := make([]int, n)
	label := map[int]int{}
	for i := range n {
		r := find(i)
		if _, ok := label[r]; !ok {
			label[r] = len(label) + 1
		}
		out[i] = label[r]
	}
	return out
}
