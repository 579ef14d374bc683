// Only what a comparison across vigencias needs (grouped bars, radar, plain grid and legend, tooltip, SVG),
// imported lazily by the pages that show one; the indicator trend loads its own (echarts-graficas.ts).
import { BarChart, RadarChart } from 'echarts/charts';
import {
  GridSimpleComponent,
  LegendPlainComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  RadarChart,
  GridSimpleComponent,
  LegendPlainComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
