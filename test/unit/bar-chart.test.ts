import fc from 'fast-check'
import { barChart, type BarChartInput } from '../../src/web/reports/barChart'

const series: BarChartInput['series'] = [
  { label: 'Matched the family’s preference', modifier: 'matched', hatched: false },
  { label: 'Differed from the preference', modifier: 'differed', hatched: true },
]

describe('report bar chart (server-drawn SVG)', () => {
  it('labels every bar with its number, hatches one series and names the title and description', () => {
    const chart = barChart({
      id: 'c',
      title: 'T',
      description: 'D',
      series,
      groups: [
        { label: 'Jan', sublabel: '2026', values: [3, 1] },
        { label: 'Feb', values: [0, 0] },
      ],
    })
    expect([chart.titleId, chart.descId, chart.patternId]).toEqual(['c-title', 'c-desc', 'c-hatch'])
    expect(chart.bars.map((b) => b.value.text)).toEqual(['3', '1', '0', '0'])
    expect(chart.bars.map((b) => b.fill)).toEqual([null, 'url(#c-hatch)', null, 'url(#c-hatch)'])
    expect(chart.bars[0]!.height).toBeGreaterThan(chart.bars[1]!.height)
    expect(chart.bars[2]!.height).toBe(0)
    expect(chart.groupLabels.map((l) => [l.text, l.sublabel])).toEqual([
      ['Jan', '2026'],
      ['Feb', null],
    ])
  })

  it('keeps every bar, label and legend line inside the image, bars in proportion, legend lines apart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 })), { minLength: 1, maxLength: 24 }),
        (values) => {
          const chart = barChart({
            id: 'p',
            title: 'T',
            description: 'D',
            series,
            groups: values.map((v, i) => ({ label: String(i), values: v })),
          })
          const max = Math.max(1, ...values.flat())
          const tallest = Math.max(...chart.bars.map((b) => b.height))
          chart.bars.forEach((b, i) => {
            expect(b.x).toBeGreaterThanOrEqual(0)
            expect(b.x + b.width).toBeLessThanOrEqual(chart.width)
            expect(b.y).toBeGreaterThan(chart.legend.at(-1)!.text.y)
            expect(b.y + b.height).toBeCloseTo(chart.baseline.y, 5)
            expect(b.value.text).toBe(String(values.flat()[i]))
            expect(Math.abs(b.height - (Number(b.value.text) / max) * tallest)).toBeLessThanOrEqual(0.2)
          })
          for (const l of chart.groupLabels) expect(l.subY).toBeLessThanOrEqual(chart.height)
          const ys = chart.legend.map((l) => l.swatch.y)
          expect(new Set(ys).size).toBe(ys.length)
        },
      ),
    )
  })
})
