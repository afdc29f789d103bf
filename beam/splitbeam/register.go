package splitbeam

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Beam finds DoFns and element types on remote workers by name: they are
// registered when the program starts, as the Go SDK requires.
func init() {
	for _, t := range []any{Shard{}, ShardInfo{}, Piece{}, FoldRange{}, Chunk{}, Written{}, Draft{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	register.DoFn3x1[context.Context, Shard, func(ShardInfo), error](&countFn{})
	register.DoFn6x1[context.Context, []byte, func(*ShardInfo) bool, func(int, Piece), func(int, Chunk), func(Draft), error](&planFn{})
	register.DoFn4x1[context.Context, int, func(*Piece) bool, func(int, Chunk), error](&cutFn{})
	register.DoFn4x1[context.Context, int, func(*Chunk) bool, func(Written), error](&writeFn{})
	register.DoFn3x1[[]byte, func(*Draft) bool, func(*Written) bool, error](&commitFn{})
	register.Emitter1[ShardInfo]()
	register.Emitter2[int, Piece]()
	register.Emitter2[int, Chunk]()
	register.Emitter1[Draft]()
	register.Emitter1[Written]()
	register.Iter1[ShardInfo]()
	register.Iter1[Piece]()
	register.Iter1[Chunk]()
	register.Iter1[Draft]()
	register.Iter1[Written]()
}
