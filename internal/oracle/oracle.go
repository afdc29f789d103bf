// Package oracle runs the real Python libraries (numpy, scikit-learn,
// pandas, torch) that splitter's live differential tests compare against.
//
// The interpreter is /usr/bin/python3 (Debian's, where python3-numpy,
// python3-sklearn, python3-pandas and python3-torch are installed), or
// $SPLITTER_PYTHON. When it or a module is missing the test FAILS: CI must
// never pass by skipping the oracle. A developer without the oracle may set
// SPLITTER_NO_ORACLE=1 to skip the live tests explicitly.
package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Interpreter returns the Python interpreter used as the oracle.
func Interpreter() string {
	if p := os.Getenv("SPLITTER_PYTHON"); p != "" {
		return p
	}
	return "/usr/bin/python3"
}

var (
	checkOnce sync.Map // module list -> error
)

// Require fails t unless the oracle interpreter can import every module
// named. It skips only when SPLITTER_NO_ORACLE=1 is set.
func Require(t testing.TB, modules ...string) {
	t.Helper()
	if os.Getenv("SPLITTER_NO_ORACLE") == "1" {
		t.Skip("SPLITTER_NO_ORACLE=1: live differential test skipped")
	}
	key := fmt.Sprint(modules)
	if v, ok := checkOnce.Load(key); ok {
		if v != nil {
			t.Fatal(v)
		}
		return
	}
	src := "import sys\n"
	for _, m := range modules {
		src += "import " + m + "\n"
	}
	cmd := exec.Command(Interpreter(), "-c", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	var err error
	if e := cmd.Run(); e != nil {
		err = fmt.Errorf("oracle %s cannot import %v: %v\n%s\ninstall it: apt-get install -y --no-install-recommends python3-numpy python3-sklearn python3-pandas python3-torch (or set SPLITTER_NO_ORACLE=1 to skip live tests)", Interpreter(), modules, e, stderr.String())
		checkOnce.Store(key, err)
		t.Fatal(err)
	}
	checkOnce.Store(key, nil)
}

// Run executes the Python source script with stdin as its standard input
// and returns its standard output. A non-zero exit fails t.
func Run(t testing.TB, script string, stdin []byte) []byte {
	t.Helper()
	cmd := exec.Command(Interpreter(), "-c", script)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("oracle script failed: %v\nstderr:\n%s", err, stderr.String())
	}
	return stdout.Bytes()
}

// Script returns the text of the Python script at path (relative to the
// test's package directory, e.g. "../testdata/sample/cases.py"), for Run
// and RunJSON. A missing file fails t.
func Script(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// RunJSON runs script with in encoded as JSON on its standard input and
// decodes its standard output as JSON into out. Big integers survive: the
// decoder uses json.Number where out holds interface values.
func RunJSON(t testing.TB, script string, in, out any) {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	res := Run(t, script, b)
	dec := json.NewDecoder(bytes.NewReader(res))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		t.Fatalf("oracle output is not JSON for %T: %v\n%.2000s", out, err, res)
	}
}

// Rand returns a fresh random source for drawing test cases, seeded from
// $SPLITTER_TEST_SEED when set (to replay a failure) and from the clock
// otherwise. The seed is logged so that a failing run can be repeated.
func Rand(t testing.TB) *rand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("SPLITTER_TEST_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("SPLITTER_TEST_SEED=%q: %v", s, err)
		}
		seed = v
	}
	t.Logf("case seed: SPLITTER_TEST_SEED=%d", seed)
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}
