"""Rules across fields and files (contract §5), run after the models validated."""
