"""ekc-docs: toolkit voor Eigen Kracht-conferenties (plannen, sociale kaart, handboek)."""

__version__ = "0.1.0"
