package main

import "strings"

// maxRings is the most rings draw accepts (--num-rings, --ring-order): a
// ring per value, legible up to a few dozen.
const maxRings = 100

// checkOrder refuses an order list (--ring-order, --sector-order) with an
// empty item (",,,") or an item given twice ("1,1,2"), or more than
// maxRings items.
func checkOrder(flag, list string) error {
	if list == "" {
		return nil
	}
	items := strings.Split(list, ",")
	if len(items) > maxRings {
		return usagef("%s has %d items; at most %d", flag, len(items), maxRings)
	}
	seen := map[string]bool{}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			return usagef("%s %q has an empty item", flag, list)
		}
		if seen[it] {
			return usagef("%s %q names %q twice", flag, list, it)
		}
		seen[it] = true
	}
	return nil
}
