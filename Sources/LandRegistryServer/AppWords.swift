import LandRegistry

/// The words of the clerk's page, handed to its script in the page's
/// language (keyed by their English, as every phrase of the service).
enum AppWords {
    static let all: [Phrase] = [
        "Check", "Find", "Reports", "History", "Open the data service (OGC API)",
        // The check
        "Drop the applicant's file here, or choose it: GeoJSON, coordinate TXT (GBK or UTF-8), CSV points, zipped Shapefile",
        "Checked by", "Land-use code, for plots the file gives none", "Action, for plots the file gives none",
        "Emits air pollutants", "May pollute soil", "Discharges water pollutants", "Grows food crops",
        "as the file says", "yes", "no", "Keep a record of the check", "Check again",
        "Checking…", "Give the name of who checks, for the record", "The file gives a plot no land-use code: give it here and check again",
        "Choose a file first", "The server did not answer", "the proposals are larger than {} MB",
        "No finding", "How it was checked", "Print the report", "Save the JSON", "Save the GeoJSON",
        "rule", "feature", "overlap", "distance", "what it means", "basis", "area", "use", "action", "mu",
        "registry's counties", "margin", "settings",
        "Verdicts: {}", "Sign in", "Sign out", "Name", "Password",
        // Finding and history
        "Layer", "Code", "Search", "no feature with this code", "Its history", "version", "valid from", "recorded", "by", "what changed",
        "the geometry", "Click a feature on the map, or find one, to see its history",
        // Permits and stages
        "Approved:", "Why, when the check says block", "Record the permit", "Permit {} recorded",
        "Move to another stage", "Stage", "Date it took effect", "Report or decision number", "Note (needed to re-open a plot)", "Move", "Moved to {}",
        // Reports
        "Quarterly land-safety review", "Quarter (YYYYQn)", "Water quality report", "Month (YYYY-MM) or quarter (YYYYQn)",
        "Air quality report", "Year (YYYY)", "Open",
        // The layers
        "zoom in to see this layer", "{} of {} shown: zoom in to see all",
    ]
}
