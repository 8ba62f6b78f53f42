"""考核排名: weighted assessment schemes, scores that explain themselves, rankings and the 通报."""
