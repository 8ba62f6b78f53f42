"""指标台账: indicators, targets with owners, reported values, progress against time."""
