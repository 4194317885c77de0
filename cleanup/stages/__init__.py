"""The stages, one module each; `cleanup.pipeline.STAGES` gives their order."""
