"""Models trained by ``python -m kronika.train``; each ships with a JSON record of its data and scores."""
