"""Test-wide set-up: make ``tests`` importable as a package for shared helpers."""
