"""Training scripts for the models kronika ships: ``python -m kronika.train ner --lang nl``."""
