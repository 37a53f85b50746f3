"""policysite: a static-site generator for policy analysis."""

__version__ = "0.1.0"
