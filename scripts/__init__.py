"""The project's tools, each run as `python -m scripts.<tool>`; scripts.spec is the spec library they share."""
