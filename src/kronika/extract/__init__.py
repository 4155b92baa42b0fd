"""The extract stage: event mentions from analysed articles (see :mod:`kronika.extract.events`)."""
