/// Migration 2: the dates a warranty policy was in force, and the official calendar of days off and
/// exchanged working days (调休) that working time follows.
enum SchemaV2 {
    static let sql = """
        -- A policy is in force from effective_date (inclusive) until withdrawn_date (exclusive; NULL: still in force).
        -- A claim without its own policy is judged under the one in force on the day its warranty starts.
        ALTER TABLE warranty_policies ADD COLUMN withdrawn_date TEXT
            CHECK (withdrawn_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');

        -- Dated exceptions to the working weekdays of the settings: a public holiday on a working weekday
        -- ('day_off'), a weekend day worked in exchange ('working_day'). Dates not listed follow the weekdays.
        CREATE TABLE shop_calendar (
            date TEXT PRIMARY KEY CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
            kind TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day')),
            name TEXT NOT NULL -- 国庆节, 春节, 国庆节调休上班 …
        ) STRICT;

        """
}
