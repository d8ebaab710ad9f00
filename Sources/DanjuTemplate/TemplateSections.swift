extension Template {
    /// The body cut before every element that starts a new page (`new-page: true`), each part a template of its
    /// own with the same page, header, footer and queries. Laid out alone, a part takes the pages it takes in
    /// the whole document, so the page a part starts on is one after the pages of the parts before it.
    public var pageSections: [Template] {
        var sections: [[BodyItem]] = []
        for item in body {
            if item.newPage || sections.isEmpty { sections.append([]) }
            sections[sections.count - 1].append(item)
        }
        return sections.map { items in
            var section = self
            section.body = items
            return section
        }
    }
}
