"""TEI for cleanup: writing pages (`writer`), reading them back (`reader`),
and validating them (`schema`)."""
