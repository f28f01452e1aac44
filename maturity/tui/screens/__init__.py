"""One screen per module: home, new_assessment, question, dora, results, help, confirm, note, export."""
