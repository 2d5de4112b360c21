"""The casebook site: pages for any generator, sanitized and audited; no MkDocs import."""
