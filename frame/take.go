package frame

import "fmt"

// ResolvePositions maps positions for n rows as pandas' df.take(positions)
// does: p in 0..n-1 is row p, p in -n..-1 is row n+p (-1 is the last row);
// anything else is ErrPosition. The input slice is left as it was; the
// result shares it when no position is negative. The adapters in
// frame/gota, frame/arrow15 and frame/arrow18 take rows through it.
func ResolvePositions(positions []int, n int) ([]int, error) {
	out, copied := positions, false
	for i, p := range positions {
		if p < -n || p >= n {
			return nil, fmt.Errorf("frame: position %d for %d rows: %w", p, n, ErrPosition)
		}
		if p < 0 {
			if !copied {
				out, copied = append([]int(nil), positions...), true
			}
			out[i] = n + p
		}
	}
	return out, nil
}
