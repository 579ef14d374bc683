import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Renders inside Mantine's provider, as the app does (a `rerender` keeps the provider). */
export const renderConMantine = (ui: ReactElement) => render(ui, { wrapper: MantineProvider });
