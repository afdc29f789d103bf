package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/rows"
)

func newSplitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "split [flags] INPUT",
		Short: "Split rows into train and test exactly as train_test_split does (the default command)",
		Long: `Writes STEM.train.csv and STEM.test.csv holding exactly the rows, in exactly the
order, that the Python call returns (df = pd.read_csv(INPUT)):

  (default)           train, test = train_test_split(df, test_size=T, train_size=R,
                                         random_state=S, shuffle=..., stratify=...)
  --group COL         next(GroupShuffleSplit(n_splits=1, test_size=T, train_size=R,
                                         random_state=S).split(df, groups=df[COL]))
  --compat datasets   Dataset.from_pandas(df).train_test_split(test_size=T,
                                         train_size=R, seed=S[, stratify_by_column=COL])
  --val V             rest, test = train_test_split(df, test_size=T, random_state=S)
                      train, val = train_test_split(rest, test_size=V, random_state=S)
                      (also writes STEM.val.csv; V is a fraction of rest, or a count)
  --compat torch      random_split(df, [L1, L2, ...],
                                   generator=torch.Generator().manual_seed(S))
                      (writes STEM.part0.csv, STEM.part1.csv, ... or --names)
  --compat hash       t = df[COL].apply(lambda id_: zlib.crc32(np.int64(id_))
  --key COL --test R                    & 0xffffffff < R * 2**32)
                      train, test = df.loc[~t], df.loc[t]   (Géron's stable split;
                      crc32 of str(id_).encode("utf-8") when COL is not int64)

Sizes are typed as scikit-learn types them: 0.2 or 1e-1 is a fraction, 30 a row
count. With no size, test_size is 0.25 (0.2 with --group). Without --seed a seed
is drawn and printed on stderr as "seed: S".

--compat sklearn@X.Y.Z (0.18.2 ... 1.8.0, 1.9.dev0) reproduces what that
scikit-learn release returned (stratified splits changed in 1.0; --train alone
with --group, and sizes of 0, behaved differently before 0.21).`,
		Example: `  # train_test_split(pd.read_csv("data.csv"), test_size=0.2, random_state=101)
  splitter --seed 101 --test 0.2 data.csv

  # stratified on the label column, 100 test rows, outputs in out/
  splitter split --seed 7 --test 100 --stratify label --out-dir out data.csv

  # 60/20/20 train/val/test
  splitter --seed 1 --test 0.2 --val 0.25 data.csv

  # Hugging Face datasets
  splitter --compat datasets --seed 42 --test 0.1 data.csv

  # torch random_split into three named parts
  splitter --compat torch --seed 42 --lengths 0.8,0.1,0.1 --names train,val,test data.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: runParts,
	}
	splitFlags(cmd)
	manifestFlags(cmd)
	shardFlags(cmd)
	sepFlag(cmd)
	return cmd
}

// inputErr prefixes err with the input file unless it already names it.
func inputErr(input string, err error) error {
	if input == stdinPath {
		input = stdinName
	}
	var pe *rows.ParseError
	if err == nil || errors.As(err, &pe) || strings.Contains(err.Error(), input) {
		return err
	}
	return fmt.Errorf("%s: %w", input, err)
}
