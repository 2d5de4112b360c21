"""casekit: social-welfare case records (사례관리) kept as plain files."""

__version__ = "0.1.0"
