/*
 * A grouped bar chart drawn on the server as SVG (no script, no inline style: the look is classes in
 * static/scss/panel.scss). It is an image with a title and a description (role="img", aria-labelledby),
 * always shown beside a table holding the same figures. Colour is never the only cue: one series is
 * hatched, each bar carries its number, and the legend names the series.
 */

export interface BarChartSeries {
  label: string
  /** BEM modifier for the bar's class: panel-chart__bar--<modifier>. */
  modifier: string
  /** Drawn with the diagonal hatch pattern rather than a plain fill. */
  hatched: boolean
}

export interface BarChartInput {
  /** Unique on the page: the ids of the title, description and pattern are made from it. */
  id: string
  title: string
  description: string
  series: readonly BarChartSeries[]
  /** One group of bars per category; `values` in the order of `series`. */
  groups: readonly { label: string; sublabel?: string; values: readonly number[] }[]
}

export interface BarChartView {
  id: string
  titleId: string
  descId: string
  patternId: string
  /** The hatch lines' class: the hatched series' own colour. */
  hatchClassName: string
  title: string
  description: string
  width: number
  height: number
  baseline: { x1: number; x2: number; y: number }
  bars: {
    x: number
    y: number
    width: number
    height: number
    className: string
    /** The hatch pattern's url, for a hatched bar; plain bars take their fill from the class. */
    fill: string | null
    value: { x: number; y: number; text: string }
  }[]
  groupLabels: { x: number; y: number; text: string; sublabel: string | null; subY: number }[]
  legend: {
    swatch: { x: number; y: number; size: number; className: string; fill: string | null }
    text: { x: number; y: number; text: string }
  }[]
}

const BAR = 18
const BAR_GAP = 4
const GROUP_GAP = 22
const LEFT = 12
const LEGEND_LINE = 24
const VALUE_ROOM = 18
const PLOT_HEIGHT = 180
const LABELS_HEIGHT = 40
/** A generous width for a character of the 14px legend text, so that the legend always fits the image. */
const LEGEND_CHARACTER = 8

const round = (n: number) => Math.round(n * 10) / 10

export function barChart(input: BarChartInput): BarChartView {
  const patternId = `${input.id}-hatch`
  const n = input.series.length
  const groupWidth = n * BAR + (n - 1) * BAR_GAP
  const max = Math.max(1, ...input.groups.flatMap((g) => g.values))
  // The legend: one line per series, above the bars.
  const top = n * LEGEND_LINE + 8 + VALUE_ROOM
  const baselineY = top + PLOT_HEIGHT
  const plotWidth = input.groups.length * (groupWidth + GROUP_GAP)
  const longestLegend = Math.max(0, ...input.series.map((s) => s.label.length))
  const width = Math.max(LEFT * 2 + plotWidth, LEFT * 2 + 22 + longestLegend * LEGEND_CHARACTER)
  const fillOf = (s: BarChartSeries) => (s.hatched ? `url(#${patternId})` : null)
  const classOf = (s: BarChartSeries) => `panel-chart__bar panel-chart__bar--${s.modifier}`

  const bars: BarChartView['bars'] = []
  const groupLabels: BarChartView['groupLabels'] = []
  input.groups.forEach((group, g) => {
    const groupX = LEFT + GROUP_GAP / 2 + g * (groupWidth + GROUP_GAP)
    input.series.forEach((series, s) => {
      const value = group.values[s] ?? 0
      const height = round((value / max) * PLOT_HEIGHT)
      const x = groupX + s * (BAR + BAR_GAP)
      bars.push({
        x,
        y: round(baselineY - height),
        width: BAR,
        height,
        className: classOf(series),
        fill: fillOf(series),
        value: { x: round(x + BAR / 2), y: round(baselineY - height - 4), text: String(value) },
      })
    })
    groupLabels.push({
      x: round(groupX + groupWidth / 2),
      y: baselineY + 16,
      text: group.label,
      sublabel: group.sublabel ?? null,
      subY: baselineY + 32,
    })
  })

  return {
    id: input.id,
    titleId: `${input.id}-title`,
    descId: `${input.id}-desc`,
    patternId,
    hatchClassName: `panel-chart__hatch-line panel-chart__hatch-line--${input.series.find((s) => s.hatched)?.modifier ?? 'none'}`,
    title: input.title,
    description: input.description,
    width,
    height: baselineY + LABELS_HEIGHT,
    baseline: { x1: LEFT, x2: LEFT + plotWidth, y: baselineY },
    bars,
    groupLabels,
    legend: input.series.map((series, s) => ({
      swatch: {
        x: LEFT,
        y: 6 + s * LEGEND_LINE,
        size: 16,
        className: classOf(series),
        fill: fillOf(series),
      },
      text: { x: LEFT + 22, y: 19 + s * LEGEND_LINE, text: series.label },
    })),
  }
}
