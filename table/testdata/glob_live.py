"""For each pattern (relative to the folder "root", the current folder),
sorted(glob.glob(pattern)); the table tests compare table.Glob with it.
Input (JSON on stdin): {"root", "patterns"}; output: a list of lists."""
import glob, json, os, sys

cfg = json.load(sys.stdin)
os.chdir(cfg["root"])
json.dump([sorted(glob.glob(p)) for p in cfg["patterns"]], sys.stdout)
