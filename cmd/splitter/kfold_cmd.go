package main

import (
	"github.com/spf13/cobra"
)

func newKfoldCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kfold --folds K --seed S [--stratify COL | --group COL] [--no-shuffle] INPUT",
		Short: "Add a fold column exactly as KFold / StratifiedKFold / GroupKFold assign folds",
		Long: `Writes STEM.folds.csv: every input row, in input order, with one more last column
"fold", the 0-based number of the fold whose test part holds the row
(df = pd.read_csv(INPUT)):

  (default)         KFold(K, shuffle=True, random_state=S).split(df)
  --no-shuffle      KFold(K).split(df)
  --stratify COL    StratifiedKFold(K, shuffle=True, random_state=S).split(df, df[COL])
  --group COL       GroupKFold(K).split(df, groups=df[COL])

--folds defaults to 5. --seed with --no-shuffle is an error (scikit-learn >= 0.24
raises), and so is --seed with --group (GroupKFold has no random_state in
scikit-learn 1.2). Without --seed (and with shuffling) a seed is drawn and
printed on stderr as "seed: S".

--compat sklearn@X.Y.Z (0.18.2 ... 1.8.0, 1.9.dev0) reproduces that release:
its fold algorithm (StratifiedKFold changed in 0.19.0, 0.20.4 and 0.22), its
default --folds (3 before 0.22), --seed with --no-shuffle ignored before 0.24,
and --seed with --group as GroupKFold(K, shuffle=True, random_state=S) from 1.6.`,
		Example: `  # KFold(5, shuffle=True, random_state=7)
  splitter kfold --folds 5 --seed 7 data.csv

  # StratifiedKFold(10, shuffle=True, random_state=7) on the label column
  splitter kfold --folds 10 --seed 7 --stratify label data.csv

  # GroupKFold(4) by user
  splitter kfold --folds 4 --group user_id data.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: runParts,
	}
	kfoldFlags(cmd)
	manifestFlags(cmd)
	shardFlags(cmd)
	sepFlag(cmd)
	return cmd
}
