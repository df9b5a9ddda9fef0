#!/bin/sh
# Generates ./configure from configure.ac (needs autoconf, automake, autopoint).
set -e
cd "$(dirname "$0")"
autoreconf -fi
