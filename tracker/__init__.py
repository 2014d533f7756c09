"""tracker: did this government do what it said it would?"""
