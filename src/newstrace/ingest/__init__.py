"""Reading inputs: sources.iter_raw finds RawDocuments in files, directories, globs and URLs; parse.parse reads each one."""
