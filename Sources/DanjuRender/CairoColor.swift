import CCairo
import DanjuGeometry

/// Makes `color` the source that Cairo's next fill, stroke or text paints with.
func setSource(_ color: Color, on cairo: OpaquePointer) {
    cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
}
