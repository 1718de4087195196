"""Reading old Vietnamese reports and news items into structured data (the engine lives in `engine/`)."""
