"""The followup command line: argparse sub-commands over app services, JSON out, no Qt."""
