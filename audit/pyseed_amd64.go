//go:build !purego

package audit

import "golang.org/x/sys/cpu"

// pyInitAVX512 is pyInitGo on AVX-512 (pyseed_amd64.s).
//
//go:noescape
func pyInitAVX512(s0 *[pyN]uint32, add *[2][pyLanes]uint32, mt *[pyN][pyLanes]uint32)

// pyInit runs init_by_array for pyLanes seeds from s0 (pySeedBase) with
// the addends add (pyAddends), leaving their states in mt.
func pyInit(s0 *[pyN]uint32, add *[2][pyLanes]uint32, mt *[pyN][pyLanes]uint32) {
	if cpu.X86.HasAVX512F {
		pyInitAVX512(s0, add, mt)
		return
	}
	pyInitGo(s0, add, mt)
}
