"""The resolution stages, across articles: copies, merging reports into events, canonical fields, stories."""
