package measures

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// decodeJSON decodes the one JSON value in data into v, the same way for
// every JSON file sociogram reads (rules, instruments): a UTF-8 byte-order
// mark is removed (as the CSV readers remove it); unknown fields, an object
// key given twice, and anything but spaces after the value (trailing text,
// a second object) are errors naming the line and column.
func decodeJSON(name string, data []byte, v any) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkJSONKeys(name, data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errors.New(jsonErr(name, data, err))
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		line, col := lineCol(data, end)
		return fmt.Errorf("%s:%d:%d: content after the JSON value (one object per file)", name, line, col)
	}
	return nil
}

// checkJSONKeys refuses an object that gives one key twice (encoding/json
// would keep the last silently).
func checkJSONKeys(name string, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		keys  map[string]bool
		isObj bool
		key   bool // the next string token is a key
	}
	var stack []*frame
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil // syntax errors are reported by Decode, with their place
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if top != nil && top.isObj {
					top.key = true
				}
				stack = append(stack, &frame{keys: map[string]bool{}, isObj: d == '{', key: d == '{'})
			default:
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 {
				return nil
			}
			continue
		}
		if top != nil && top.isObj {
			if top.key {
				k, _ := tok.(string)
				if top.keys[k] {
					line, col := lineCol(data, off)
					return fmt.Errorf("%s:%d:%d: key %q appears twice in one object", name, line, col, k)
				}
				top.keys[k] = true
				top.key = false
			} else {
				top.key = true
			}
		}
	}
}

// lineCol gives the 1-based line and column of the first non-space byte
// at or after offset off in data.
func lineCol(data []byte, off int64) (int, int) {
	for off < int64(len(data)) && (data[off] == ' ' || data[off] == '\t' || data[off] == '\n' || data[off] == '\r' || data[off] == ',' || data[off] == ':') {
		off++
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
