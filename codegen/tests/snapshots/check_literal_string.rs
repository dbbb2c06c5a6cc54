// Input:
// check_literal!(pattern = "^[A-Z]{3}$" , min_length = 3 , "USD")

// Expansion:
const EXPANSION: _ = "USD";
