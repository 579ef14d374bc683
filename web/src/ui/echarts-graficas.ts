// Only what the indicator trend needs (line, plain grid and legend, tooltip, SVG), imported lazily: most bar
// charts are HTML (grafica-barras.tsx), so pages without a trend or a comparison (echarts-comparacion.ts) load
// no ECharts at all.
import { LineChart } from 'echarts/charts';
import { GridSimpleComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridSimpleComponent, LegendPlainComponent, TooltipComponent, SVGRenderer]);

export { echarts };
